/** A failure of the command line: one line on stderr and exit code 1. */
export const fail = (message: string): void => {
  process.stderr.write(`thidua: ${message}\n`)
  process.exitCode = 1
}
