import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) return value;
  throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A calendar date without time zone, as an ISO 8601 `YYYY-MM-DD` string. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without time or time zone, as an ISO 8601 string `YYYY-MM-DD`.',
  serialize: checkDate,
  parseValue: checkDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string written YYYY-MM-DD', { nodes: [ast], extensions: { code: 'BAD_USER_INPUT' } });
    return checkDate(ast.value);
  },
});
