/**
 * Errors a user can cause are values: a stable code, a zh-CN message, and the input field at fault.
 * Service functions return them in a Result; resolvers throw them to the errors plugin, which turns
 * them into the `UserError` member of the mutation's result union.
 */
import { GraphQLError } from 'graphql';

export interface UserErrorData {
  readonly code: string;
  /** zh-CN, shown to the user as it is. */
  readonly message: string;
  readonly field?: string | undefined;
}

export class UserError extends Error implements UserErrorData {
  readonly code: string;
  readonly field: string | undefined;
  constructor(data: UserErrorData) {
    super(data.message);
    this.name = 'UserError';
    this.code = data.code;
    this.field = data.field;
  }
}

export function userError(code: string, message: string, field?: string): UserErrorData {
  return { code, message, field };
}

/** For queries and authorization failures: a GraphQL error with a stable code, not masked by Yoga. */
export function graphqlError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
