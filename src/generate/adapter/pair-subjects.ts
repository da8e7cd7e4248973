import type { MediaType, Operation, Response } from '../../api/model.js'

/** A media type the reader gets, and the one the writer sends instead (the same unless it changed). */
export interface MediaPair {
  /** On the input side: A's for requests, B's for responses. */
  readonly from: MediaType
  readonly to: MediaType
}

export interface MediaPairing {
  readonly pairs: ReadonlyArray<MediaPair>
  /** Input media types with no counterpart on the output side. */
  readonly unpaired: ReadonlyArray<MediaType>
}

/** A status of B's and the status of A's it stands for. */
export interface StatusPair {
  readonly newStatus: string
  readonly oldStatus: string
  readonly after: Response
  readonly before: Response
  /** B's content (input) → A's content (output). */
  readonly media: MediaPairing
}

export interface OperationPairing {
  /** A's request media types (input) → B's (output). */
  readonly request: MediaPairing
  readonly responses: ReadonlyArray<StatusPair>
  /** B's statuses A does not document and that match none of A's. */
  readonly addedStatuses: ReadonlyArray<string>
}

/** JSON and its `+json` dialects: bodies the runtime can convert, and which stand in for each other. */
export function isJsonLike(mediaType: string): boolean {
  return /[/+]json\b/i.test(mediaType) || mediaType === '*/*'
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Pairs input media types with output ones: the same type; else, when exactly one type went and
 * one came, those two; else a JSON type with the output's first JSON type.
 */
export function pairMedia(input: ReadonlyMap<string, MediaType>, output: ReadonlyMap<string, MediaType>): MediaPairing {
  const pairs: MediaPair[] = []
  const gone = [...input.keys()].filter((key) => !output.has(key)).sort(byText)
  const came = [...output.keys()].filter((key) => !input.has(key)).sort(byText)
  for (const key of [...input.keys()].sort(byText)) {
    if (output.has(key)) pairs.push({ from: input.get(key) as MediaType, to: output.get(key) as MediaType })
  }
  if (gone.length === 1 && came.length === 1) {
    pairs.push({ from: input.get(gone[0] as string) as MediaType, to: output.get(came[0] as string) as MediaType })
    return { pairs, unpaired: [] }
  }
  const unpaired: MediaType[] = []
  const json = [...output.keys()].sort(byText).find(isJsonLike)
  for (const key of gone) {
    if (isJsonLike(key) && json !== undefined) pairs.push({ from: input.get(key) as MediaType, to: output.get(json) as MediaType })
    else unpaired.push(input.get(key) as MediaType)
  }
  return { pairs, unpaired }
}

/** `2` for `200` and `2XX`; `default` for `default`. */
export function statusClass(status: string): string {
  return /^[1-5]/.test(status) ? status.charAt(0) : status.toLowerCase()
}

/**
 * Pairs B's response statuses with A's: the same status; else, per status class, the one status B
 * added with the one A had that B dropped (a changed status code, `200` → `201`).
 */
export function pairOperation(before: Operation, after: Operation): OperationPairing {
  const requestIn = before.requestBody?.content ?? new Map<string, MediaType>()
  const requestOut = after.requestBody?.content ?? new Map<string, MediaType>()
  const responses: StatusPair[] = []
  const pair = (newStatus: string, oldStatus: string): void => {
    const [a, b] = [before.responses.get(oldStatus) as Response, after.responses.get(newStatus) as Response]
    responses.push({ newStatus, oldStatus, before: a, after: b, media: pairMedia(b.content, a.content) })
  }
  const statuses = [...after.responses.keys()].sort(byText)
  for (const status of statuses) if (before.responses.has(status)) pair(status, status)
  const added = statuses.filter((status) => !before.responses.has(status))
  const removed = [...before.responses.keys()].filter((status) => !after.responses.has(status)).sort(byText)
  const addedStatuses: string[] = []
  for (const status of added) {
    const sameClass = (other: string): boolean => statusClass(other) === statusClass(status)
    const candidates = removed.filter(sameClass)
    if (candidates.length === 1 && added.filter(sameClass).length === 1) pair(status, candidates[0] as string)
    else addedStatuses.push(status)
  }
  return { request: pairMedia(requestIn, requestOut), responses, addedStatuses }
}
