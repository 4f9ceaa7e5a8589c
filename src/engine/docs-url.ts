// Where the rules' documentation lives (used in findings, SARIF helpUri, `msglint explain`).
export const HOMEPAGE = 'https://github.com/msglint/msglint';

export function ruleDocUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules.md#${ruleId}`;
}
