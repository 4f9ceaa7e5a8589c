// A small unified diff (Myers-free LCS on lines; files here are small) for --fix-dry-run.

export function unifiedDiff(path: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // Common prefix/suffix first: fixes touch few lines.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () => new Array(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--) for (let j = midB.length - 1; j >= 0; j--) lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  for (let k = Math.max(0, start - context); k < start; k++) ops.push({ op: ' ', line: a[k] });
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      ops.push({ op: ' ', line: midA[i] });
      i++;
      j++;
    } else if (i < midA.length && (j === midB.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', line: midA[i++] });
    else ops.push({ op: '+', line: midB[j++] });
  }
  for (let k = endA; k < Math.min(a.length, endA + context); k++) ops.push({ op: ' ', line: a[k] });
  const firstA = Math.max(0, start - context);
  const countA = ops.filter((o) => o.op !== '+').length;
  const countB = ops.filter((o) => o.op !== '-').length;
  return [`--- ${path}`, `+++ ${path} (fixed)`, `@@ -${firstA + 1},${countA} +${firstA + 1},${countB} @@`, ...ops.map((o) => `${o.op}${o.line.replace(/\r$/, '')}`)].join('\n') + '\n';
}
