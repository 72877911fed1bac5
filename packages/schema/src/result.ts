import type { Result } from '@huanjie/domain';
import { UserError, type UserErrorData } from './errors.ts';

/** Resolver side of a service Result: the value, or the user error thrown to the errors plugin. */
export function unwrap<T>(result: Result<T, UserErrorData>): T {
  if (result.ok) return result.value;
  throw new UserError(result.error);
}
