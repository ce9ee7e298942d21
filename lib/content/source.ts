/**
 * Round-trip check between the source article and the blocks: every non-empty line of the
 * source is exactly one block, in order, byte for byte. Pure, so tests can feed it mutated copies.
 */

/** The non-empty lines of the source text, unchanged (no trimming, no normalisation). */
export function sourceLines(sourceText: string): string[] {
  return sourceText.split(/\r?\n/).filter((line) => line.trim() !== "");
}

/** Differences between the source lines and the block texts (empty when they match exactly). */
export function compareWithSource(lines: readonly string[], blocks: readonly { id: string; text: string }[]): string[] {
  const problems: string[] = [];
  const n = Math.max(lines.length, blocks.length);
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    const block = blocks[i];
    if (line === undefined && block) problems.push(`block ${i} ("${block.id}") has no matching source line`);
    else if (line !== undefined && !block) problems.push(`source line ${i + 1} of ${lines.length} has no block: ${JSON.stringify(line.slice(0, 60))}`);
    else if (line !== undefined && block && line !== block.text) {
      let at = 0;
      while (at < line.length && line[at] === block.text[at]) at++;
      problems.push(`block ${i} ("${block.id}") differs from source line ${i + 1} at character ${at}: ${JSON.stringify(block.text.slice(at, at + 30))} instead of ${JSON.stringify(line.slice(at, at + 30))}`);
    }
    if (problems.length >= 5) break;
  }
  if (lines.length !== blocks.length) problems.push(`the source has ${lines.length} non-empty lines but there are ${blocks.length} blocks`);
  return problems;
}
