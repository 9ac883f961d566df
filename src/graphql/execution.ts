/**
 * How Apollo Server executes a query: a document asked for again is compiled by graphql-jit into
 * one function that resolves exactly its fields, and run as that from then on; a document seen
 * once is executed by graphql-js, which interprets it field by field. A page asked for again
 * and again (the explorer's, a dashboard's) then spends its time in its resolvers rather than
 * in walking the query, while a one-off query never pays for a compilation.
 *
 * Apollo Server takes another executor through its gateway interface (`gateway` in place of
 * `schema`); parsing, validation, plugins and the HTTP side stay Apollo's. An operation stays
 * with graphql-js when graphql-jit cannot compile it (it answers with errors), and when one of
 * its variables is of a recursive input type (`EvaluationWhere` holds `and: [EvaluationWhere]`):
 * graphql-jit's variable parser recurses into such a type without end
 * (zalando-incubator/graphql-jit#81, open).
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, getNamedType, getVariableValues, getOperationAST, isInputObjectType, printSchema, typeFromAST, type DocumentNode, type ExecutionResult, type GraphQLInputObjectType, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<BaseContext>['gateway']>;

/** Runs of a document (per operation) after which it is compiled. */
export const COMPILE_AFTER = 2;

/** What is known of one operation of a document: how often it ran, and its compiled form. */
interface Operation {
  runs: number;
  /** The compiled query and its operation; null when the operation stays with graphql-js. */
  compiled?: Compiled | null;
}

interface Compiled {
  readonly query: CompiledQuery;
  readonly operation: OperationDefinitionNode;
}

export interface Executor {
  /** Execute `document` as Apollo Server would with graphql-js, compiling it once it is asked for again. */
  run(document: DocumentNode, operationName: string | null | undefined, contextValue: unknown, variables: Record<string, unknown> | undefined): Promise<ExecutionResult> | ExecutionResult;
  /** How the operation runs now, for tests: `interpreted` until it is compiled. */
  mode(document: DocumentNode, operationName?: string | null): 'interpreted' | 'compiled' | 'not compilable';
}

export function createExecutor(schema: GraphQLSchema, options: { compileAfter?: number } = {}): Executor {
  const compileAfter = options.compileAfter ?? COMPILE_AFTER;
  // Keyed by the document object: Apollo Server keeps one parsed document per query text (its
  // document store), so a query asked again comes with the same object; documents it drops are
  // dropped here with it.
  const operations = new WeakMap<DocumentNode, Map<string, Operation>>();
  const operationOf = (document: DocumentNode, operationName: string | null | undefined): Operation => {
    let byName = operations.get(document);
    if (!byName) operations.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let operation = byName.get(key);
    if (!operation) byName.set(key, (operation = { runs: 0 }));
    return operation;
  };
  return {
    run(document, operationName, contextValue, variables) {
      const operation = operationOf(document, operationName);
      operation.runs++;
      if (operation.compiled === undefined && operation.runs >= compileAfter) operation.compiled = compile(schema, document, operationName);
      const { compiled } = operation;
      if (compiled) {
        // Variables are checked by graphql-js first, so that a wrong one is refused with its
        // errors (which Apollo Server answers with 400 and BAD_USER_INPUT); graphql-jit's own
        // check then finds them valid.
        const checked = getVariableValues(schema, compiled.operation.variableDefinitions ?? [], variables ?? {});
        if (checked.errors) return { errors: checked.errors };
        return compiled.query.query(undefined, contextValue, variables ?? {});
      }
      return execute({ schema, document, contextValue, variableValues: variables, operationName });
    },
    mode(document, operationName) {
      const compiled = operations.get(document)?.get(operationName ?? '')?.compiled;
      return compiled ? 'compiled' : compiled === null ? 'not compilable' : 'interpreted';
    },
  };
}

/** The operation compiled, or null when it stays with graphql-js. */
function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Compiled | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  for (const variable of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, variable.type as Parameters<typeof typeFromAST>[1]);
    if (type && isRecursiveInput(getNamedType(type))) return null;
  }
  try {
    const compiled = compileQuery(schema, document, operationName ?? undefined);
    return isCompiledQuery(compiled) ? { query: compiled, operation } : null;
  } catch {
    return null; // graphql-js runs it, and says what is wrong if anything is
  }
}

/** Whether an input object type holds, at some depth, a field of a type it is inside of. */
function isRecursiveInput(type: GraphQLNamedType, inside: ReadonlySet<GraphQLInputObjectType> = new Set()): boolean {
  if (!isInputObjectType(type)) return false;
  if (inside.has(type)) return true;
  const path = new Set(inside).add(type);
  return Object.values(type.getFields()).some((field) => isRecursiveInput(getNamedType(field.type), path));
}

/** The executor as Apollo Server's `gateway` option: it serves `schema`, executed by `executor`. */
export function executingGateway(schema: GraphQLSchema, executor: Executor): Gateway {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return {
        executor: async (request) => (await executor.run(request.document, request.request.operationName, request.context, request.request.variables)) as ExecutionResult<Record<string, unknown>>,
      };
    },
    async stop() {},
  };
}
