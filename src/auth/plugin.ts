/**
 * Access control as an Apollo Server plugin: once the operation is known, mutations need an
 * editor token (no token or an unknown one: UNAUTHENTICATED; a read token: FORBIDDEN), and
 * queries need a read or editor token when READ_TOKENS is set.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphContext } from '../graphql/context.js';
import type { AccessControl } from './tokens.js';

export function accessControlPlugin(access: AccessControl): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const who = contextValue.principal;
          if (operation?.operation === 'mutation') {
            if (who.role === 'editor') return;
            if (who.role === 'reader') throw new GraphQLError('this token may read but not change the graph: mutations need an editor token (EDITOR_TOKENS)', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
            throw new GraphQLError(
              who.rejectedToken ? 'the bearer token is not valid' : 'mutations need `Authorization: Bearer <token>` with an editor token (EDITOR_TOKENS)',
              { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
            );
          }
          if (access.readsRestricted && who.role === 'anonymous') {
            throw new GraphQLError(who.rejectedToken ? 'the bearer token is not valid' : 'reading needs `Authorization: Bearer <token>` with a read or editor token (READ_TOKENS)', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
        },
      };
    },
  };
}
