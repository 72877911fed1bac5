import { builder } from './builder.ts';
import { UserError } from './errors.ts';

/** Every error a client can get in a result union implements Error: `... on Error { code message }`. */
export const ErrorInterface = builder.interfaceRef<UserError>('Error').implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable machine-readable code, e.g. DUPLICATE_CODE.' }),
    message: t.exposeString('message', { description: 'What went wrong, in zh-CN.' }),
  }),
});

builder.objectType(UserError, {
  name: 'UserError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof UserError,
  fields: (t) => ({
    field: t.exposeString('field', { nullable: true, description: 'The input field at fault, if one.' }),
  }),
});

/** Options for a mutation whose user-caused failures come back as `UserError`. */
export const userErrors = { types: [UserError] };
