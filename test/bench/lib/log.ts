/** Progress lines go to stderr so stdout carries only the report. */
export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}
