/**
 * The embedded mailbox: with no relay configured, each message becomes
 * `<REFERENCE>.eml` in DATA_DIR/mailbox/, openable in any mail program.
 * Written crash-safely; a second delivery of the same reference replaces the
 * file, so at-least-once delivery never shows a message twice.
 */
import { writeFileDurably } from '../../disk/durable.ts';

export async function writeMailboxFile(dir: string, reference: string, raw: Buffer): Promise<void> {
  await writeFileDurably(dir, `${reference}.eml`, raw);
}
