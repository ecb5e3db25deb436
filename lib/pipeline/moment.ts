// How the sample product stamps what happens now: ISO to the second, as the fixture's times are written.
export function nowStamp(now = new Date()): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}
