import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' and a real calendar day; anything else is refused with a zh-CN message. */
export function isValidDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

builder.scalarType('Date', {
  description: "A calendar day, 'YYYY-MM-DD'.",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !isValidDate(value)) {
      throw new GraphQLError(`日期格式不正确：${String(value)}，应为 YYYY-MM-DD 的有效日期`, {
        extensions: { code: 'INVALID_DATE' },
      });
    }
    return value;
  },
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => {
    const d = new Date(String(value));
    if (Number.isNaN(d.getTime())) {
      throw new GraphQLError(`时间格式不正确：${String(value)}`, { extensions: { code: 'INVALID_DATETIME' } });
    }
    return d;
  },
});

builder.scalarType('File', {
  description: 'An uploaded file (GraphQL multipart request).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
  parseValue: (value) => value as File,
});

builder.scalarType('JSON', {
  description: 'A JSON value, for documents with a contract of their own (counting-format.md).',
  serialize: (value) => value,
  parseValue: (value) => value,
});
