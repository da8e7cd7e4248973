import { StructureKind, type StatementStructures } from 'ts-morph'
import type { OperationPlan, RequestStep, ResponsePlan, ResponseStep } from './adapter-plan.js'
import { literal, quote, statusName } from './names.js'

function requestCall(step: RequestStep, used: Set<string>, converters: Set<string>): string {
  switch (step.kind) {
    case 'rename-parameter':
      used.add('renameParameter')
      return `renameParameter(out, ${quote(step.in)}, ${quote(step.from)}, ${quote(step.to)})`
    case 'default-parameter':
      used.add('defaultParameter')
      return `defaultParameter(out, ${quote(step.in)}, ${quote(step.name)}, ${quote(step.value)})`
    case 'delete-parameter':
      used.add('deleteParameter')
      return `deleteParameter(out, ${quote(step.in)}, ${quote(step.name)})`
    case 'map-parameter':
      used.add('mapParameter')
      return `mapParameter(out, ${quote(step.in)}, ${quote(step.name)}, ${literal(step.table)})`
    case 'media-type':
      used.add('setRequestMediaType')
      return `setRequestMediaType(out, ${quote(step.from)}, ${quote(step.to)})`
    case 'body':
      used.add('convertRequestBody')
      converters.add(step.converter)
      return `convertRequestBody(out, ${quote(step.mediaType)}, ${step.converter})`
    case 'delete-body':
      used.add('deleteRequestBody')
      return 'deleteRequestBody(out)'
  }
}

function responseCall(step: ResponseStep, used: Set<string>, converters: Set<string>): string {
  switch (step.kind) {
    case 'body':
      used.add('convertResponseBody')
      converters.add(step.converter)
      return `convertResponseBody(out, ${quote(step.mediaType)}, ${step.converter})`
    case 'media-type':
      used.add('setResponseMediaType')
      return `setResponseMediaType(out, ${quote(step.from)}, ${quote(step.to)})`
    case 'default-header':
      used.add('defaultHeader')
      return `defaultHeader(out, ${quote(step.name)}, ${quote(step.value)})`
    case 'map-header':
      used.add('mapHeader')
      return `mapHeader(out, ${quote(step.name)}, ${literal(step.table)})`
  }
}

/** `let out = x; out = f(out); …; return out` (or the stub's result), as statements. */
function pipeline(input: string, type: string, calls: ReadonlyArray<string>, stub: string | undefined): string {
  const result = stub === undefined ? 'return out;' : `return ${stub}(${input}, out);`
  return [`let out: ${type} = ${input};`, ...calls.map((call) => `out = ${call};`), result].join('\n')
}

export function requestFunctionName(operation: OperationPlan): string {
  return `upgrade${operation.name}Request`
}

export function responseFunctionName(operation: OperationPlan, status?: string): string {
  return `downgrade${operation.name}Response${status === undefined ? '' : statusName(status)}`
}

function hasRequestWork(operation: OperationPlan): boolean {
  return operation.request.length > 0 || operation.requestManual !== undefined || operation.oldPath !== operation.newPath
}

function requestFunction(operation: OperationPlan, used: Set<string>, converters: Set<string>, stubs: Set<string>): StatementStructures {
  const calls: string[] = []
  if (operation.oldPath !== operation.newPath) {
    used.add('movePath')
    calls.push(`movePath(out, ${quote(operation.oldPath)}, ${quote(operation.newPath)})`)
  }
  calls.push(...operation.request.map((step) => requestCall(step, used, converters)))
  if (operation.requestManual !== undefined) stubs.add(operation.requestManual.name)
  const moved = operation.oldPath === operation.newPath ? '' : ` (now at ${operation.newPath})`
  return {
    kind: StructureKind.Function,
    name: requestFunctionName(operation),
    isExported: true,
    docs: [`${operation.method} ${operation.oldPath}${moved}: an older client's request as the latest version expects it.`],
    parameters: [{ name: 'request', type: 'AdapterRequest' }],
    returnType: 'AdapterRequest',
    statements: [pipeline('request', 'AdapterRequest', calls, operation.requestManual?.name)],
  }
}

function statusFunction(operation: OperationPlan, plan: ResponsePlan, used: Set<string>, converters: Set<string>, stubs: Set<string>): StatementStructures {
  const order: Record<ResponseStep['kind'], number> = { body: 0, 'default-header': 1, 'map-header': 2, 'media-type': 3 }
  const calls = [...plan.steps].sort((a, b) => order[a.kind] - order[b.kind]).map((step) => responseCall(step, used, converters))
  if (plan.oldStatus !== plan.newStatus && /^[1-5][0-9][0-9]$/.test(plan.oldStatus)) {
    used.add('withStatus')
    calls.push(`withStatus(out, ${plan.oldStatus})`)
  }
  if (plan.manual !== undefined) stubs.add(plan.manual.name)
  const shown = plan.oldStatus === plan.newStatus ? '' : ` (shown as ${plan.oldStatus})`
  return {
    kind: StructureKind.Function,
    name: responseFunctionName(operation, plan.newStatus),
    isExported: true,
    docs: [`${operation.method} ${operation.oldPath}: the latest version's ${plan.newStatus} response${shown} as an older client expects it.`],
    parameters: [{ name: 'response', type: 'AdapterResponse' }],
    returnType: 'AdapterResponse',
    statements: [pipeline('response', 'AdapterResponse', calls, plan.manual?.name)],
  }
}

function dispatchFunction(operation: OperationPlan, used: Set<string>): StatementStructures {
  used.add('matchStatus')
  const cases = operation.responses.flatMap((plan) => [`  case ${quote(plan.newStatus)}:`, `    return ${responseFunctionName(operation, plan.newStatus)}(response);`])
  return {
    kind: StructureKind.Function,
    name: responseFunctionName(operation),
    isExported: true,
    docs: [`${operation.method} ${operation.oldPath}: the latest version's responses as an older client expects them.`],
    parameters: [{ name: 'response', type: 'AdapterResponse' }],
    returnType: 'AdapterResponse',
    statements: [[`switch (matchStatus(response.status, ${literal(operation.statuses)})) {`, ...cases, '  default:', '    return response;', '}'].join('\n')],
  }
}

/** Orders routes so literal segments match before parameters (`/pets/mine` before `/pets/{id}`). */
function bySpecificity(a: OperationPlan, b: OperationPlan): number {
  const x = a.oldPath.split('/')
  const y = b.oldPath.split('/')
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const px = (x[i] ?? '').startsWith('{')
    const py = (y[i] ?? '').startsWith('{')
    if (px !== py) return px ? 1 : -1
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

/** `operations.ts`: per changed operation an upgrader and a downgrader, and the route table. */
export function operationStatements(operations: ReadonlyArray<OperationPlan>): Array<StatementStructures | string> {
  const used = new Set<string>()
  const converters = new Set<string>()
  const stubs = new Set<string>()
  const functions: StatementStructures[] = []
  const rows: string[] = []
  for (const operation of [...operations].sort(bySpecificity)) {
    const fields = [`key: ${quote(operation.key)}`, `method: ${quote(operation.method)}`, `oldPath: ${quote(operation.oldPath)}`, `newPath: ${quote(operation.newPath)}`]
    if (hasRequestWork(operation)) {
      functions.push(requestFunction(operation, used, converters, stubs))
      fields.push(`upgrade: ${requestFunctionName(operation)}`)
    }
    if (operation.responses.length > 0) {
      functions.push(dispatchFunction(operation, used))
      for (const plan of operation.responses) functions.push(statusFunction(operation, plan, used, converters, stubs))
      fields.push(`downgrade: ${responseFunctionName(operation)}`)
    }
    rows.push(`  { ${fields.join(', ')} },`)
  }
  const imports: StatementStructures[] = [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime.js', namedImports: ['AdapterRequest', 'AdapterResponse'] }]
  if (used.size > 0) imports.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './messages.js', namedImports: [...used].sort() })
  if (converters.size > 0) imports.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './converters.js', namedImports: [...converters].sort() })
  if (stubs.size > 0) imports.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './manual.js', namedImports: [...stubs].sort() })
  const route: StatementStructures = {
    kind: StructureKind.Interface,
    name: 'Route',
    isExported: true,
    docs: ["An operation of the older version: where it lives in the latest one, and how its messages change."],
    properties: [
      { name: 'key', type: 'string', isReadonly: true },
      { name: 'method', type: 'string', isReadonly: true },
      { name: 'oldPath', type: 'string', isReadonly: true },
      { name: 'newPath', type: 'string', isReadonly: true },
      { name: 'upgrade', type: '(request: AdapterRequest) => AdapterRequest', isReadonly: true, hasQuestionToken: true },
      { name: 'downgrade', type: '(response: AdapterResponse) => AdapterResponse', isReadonly: true, hasQuestionToken: true },
    ],
  }
  const table = `export const routes: ReadonlyArray<Route> = [\n${rows.join('\n')}\n];`
  return [...imports, route, ...functions, table]
}
