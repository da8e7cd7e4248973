import type { SourceRef } from '../core/source-ref.js'
import { appendPointer } from './json-pointer.js'
import type { Operation } from './model.js'

/**
 * The place of one field of an operation object (`deprecated`, `x-sunset`, `operationId`), so a
 * finding about it points at its line rather than at the operation. Only for fields the operation has.
 *
 * @example
 * operationFieldRef(operation, 'x-sunset') // { file: 'new.yaml', pointer: '/paths/~1pets/get/x-sunset' }
 */
export function operationFieldRef(operation: Operation, field: string): SourceRef {
  const { pointer } = operation.ref
  return pointer === undefined ? operation.ref : { file: operation.ref.file, pointer: appendPointer(pointer, field) }
}
