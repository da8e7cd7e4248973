/**
 * Passwords never reach output: database URLs are shown with the password replaced, and error
 * texts have every spelling of the password removed.
 *
 * @example
 * redactUrl('postgres://app:s3cret@db:5432/prod') // 'postgres://app:***@db:5432/prod'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    for (const key of [...parsed.searchParams.keys()]) {
      if (/^pass(word)?$/i.test(key)) parsed.searchParams.set(key, '***')
    }
    return parsed.toString()
  } catch {
    // Not a URL: a libpq keyword string (`host=db password=x`) or garbage; redact what looks secret.
    return url.replace(/(password\s*=\s*)('[^']*'|\S+)/gi, '$1***').replace(/\/\/([^:/@\s]+):[^@\s]*@/g, '//$1:***@')
  }
}

/** The password a URL carries, in the spellings it may appear in (decoded and as written). */
function secretsOf(url: string): ReadonlyArray<string> {
  const secrets = new Set<string>()
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') {
      secrets.add(parsed.password)
      secrets.add(decodeURIComponent(parsed.password))
    }
    for (const [key, value] of parsed.searchParams) if (/^pass(word)?$/i.test(key) && value !== '') secrets.add(value)
  } catch {
    for (const match of url.matchAll(/password\s*=\s*('([^']*)'|\S+)/gi)) secrets.add(match[2] ?? match[1] ?? '')
  }
  secrets.delete('')
  return [...secrets].sort((a, b) => b.length - a.length)
}

/** `text` with the URL shown redacted and any spelling of its password replaced by `***`. */
export function redactSecrets(text: string, url: string): string {
  let out = text.split(url).join(redactUrl(url))
  for (const secret of secretsOf(url)) out = out.split(secret).join('***')
  return out
}
