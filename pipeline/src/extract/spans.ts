/** Claimed character ranges, so a later, weaker pattern does not re-read text an earlier one explained. */
export class Claims {
  private readonly ranges: Array<[number, number]> = []

  overlaps(start: number, end: number): boolean {
    for (const [s, e] of this.ranges) if (start < e && s < end) return true
    return false
  }

  claim(start: number, end: number): void {
    this.ranges.push([start, end])
  }
}

/** Global regex iteration that never loops on empty matches. */
export function* matchAll(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++
    yield m
  }
}
