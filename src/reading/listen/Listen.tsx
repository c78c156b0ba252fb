/**
 * "Listen to this page": reads the page's main words aloud with the
 * browser's own speech (reader.ts), in a British English voice (voice.ts).
 * Rendered on the server with its final size but unseen (listen.css); shown
 * only once the browser lists a voice it can use, so nothing shows where
 * speech does not work. One button starts, pauses and carries on, so focus
 * stays on it; the other controls show while reading.
 */
import { Component, createRef } from 'preact';
import { reader, type Reader, type Reading } from './reader.ts';
import { chooseVoice } from './voice.ts';

const SLOWER = 0.8;

interface State {
  ready: boolean;
  reading: Reading;
  slower: boolean;
}

// A class, not hooks: preact/hooks would add about 1 KB to the island's 8 KB budget.
export default class Listen extends Component<object, State> {
  override state: State = { ready: false, reading: { at: -1, count: 0, paused: false }, slower: false };
  control: Reader | undefined;
  main = createRef<HTMLButtonElement>();

  // Most browsers list their voices only after `voiceschanged`.
  find = () => {
    const voice = chooseVoice(speechSynthesis.getVoices());
    if (!voice || this.control) return;
    this.control = reader(voice, (reading) => this.setState({ reading }));
    this.setState({ ready: true });
  };

  // Reading stops when the person leaves the page.
  leave = () => this.control?.stop();

  override componentDidMount() {
    if (!('speechSynthesis' in window)) return;
    this.find();
    speechSynthesis.addEventListener('voiceschanged', this.find);
    addEventListener('pagehide', this.leave);
  }

  override componentWillUnmount() {
    if (!('speechSynthesis' in window)) return;
    speechSynthesis.removeEventListener('voiceschanged', this.find);
    removeEventListener('pagehide', this.leave);
    this.leave();
  }

  render() {
    const { ready, reading, slower } = this.state;
    const act = this.control;
    const active = reading.at >= 0;
    const where = `sentence ${reading.at + 1} of ${reading.count}`;
    return (
      <div class={ready ? 'listen ready' : 'listen'}>
        <div class="listen__controls">
          <button
            type="button"
            class="listen__button"
            ref={this.main}
            onClick={() => (!active ? act?.start() : reading.paused ? act?.resume() : act?.pause())}
          >
            {!active ? 'Listen to this page' : reading.paused ? 'Carry on' : 'Pause'}
          </button>
          {active && (
            <>
              <button
                type="button"
                class="listen__button"
                onClick={() => {
                  act?.stop();
                  this.main.current?.focus();
                }}
              >
                Stop
              </button>
              <button type="button" class="listen__button" onClick={() => act?.previous()}>
                Back one sentence
              </button>
              <button type="button" class="listen__button" onClick={() => act?.next()}>
                Next sentence
              </button>
              <button
                type="button"
                class="listen__button"
                aria-pressed={slower}
                onClick={() => {
                  act?.setRate(slower ? 1 : SLOWER);
                  this.setState({ slower: !slower });
                }}
              >
                Read slower
              </button>
            </>
          )}
        </div>
        <p class="listen__status" role="status">
          {active ? (reading.paused ? `Paused at ${where}` : `Reading ${where}`) : ''}
        </p>
      </div>
    );
  }
}
