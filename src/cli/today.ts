/** Today's date in UTC as `YYYY-MM-DD`; `ROLLSAFE_TODAY` pins it for reproducible runs. */
export function today(): string {
  return process.env['ROLLSAFE_TODAY'] ?? new Date().toISOString().slice(0, 10)
}
