// Reads `cargo clippy --message-format=json` on stdin, prints every clippy finding and compile
// error, and exits 1 if there is any. Findings inside FRAME's attribute macros (`#[pallet::…]`) are skipped: they
// are in the code those macros generate (e.g. `expect` on the pallet's name in its runtime),
// which we cannot change, and clippy reports them at the attribute.
import { createInterface } from 'node:readline';

let findings = 0;
let skipped = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.startsWith('{')) continue;
  const { reason, message } = JSON.parse(line);
  if (reason !== 'compiler-message') continue;
  const isClippy = message.code?.code.startsWith('clippy::');
  if (!isClippy && message.level !== 'error') continue;
  const primary = message.spans.find((span) => span.is_primary);
  if (isClippy && primary?.text[0]?.text.trim().startsWith('#[pallet::')) {
    skipped += 1;
    continue;
  }
  findings += 1;
  process.stdout.write(message.rendered);
}
console.log(`clippy: ${findings} findings in our code (${skipped} in FRAME attribute expansions skipped)`);
process.exit(findings === 0 ? 0 : 1);
