/**
 * Field resolver methods called as they are. type-graphql calls a method of a resolver class
 * through a wrapper that, on every call, sorts and maps the method's parameter decorators and
 * runs the middleware chain. This schema has no type-graphql middleware, authorisation or
 * validation (access control is an Apollo Server plugin), so for a method that takes only
 * `@Root()`, `@Ctx()` and `@Info()` the wrapper does nothing but cost, once per object of every
 * list of a page. Such a field calls the method directly, with the same arguments in the same
 * order. Methods with arguments (`@Arg`, `@Args`) keep type-graphql's wrapper, which converts
 * them to their classes.
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Method = (...args: unknown[]) => unknown;
type ParamKind = 'root' | 'context' | 'info';

/** The resolver calling `method` of `instance` with the parameters in `kinds` order. */
function direct(instance: object, method: Method, kinds: readonly ParamKind[]): GraphQLFieldResolver<unknown, unknown> {
  if (kinds.length === 2 && kinds[0] === 'root' && kinds[1] === 'context') return (root, _args, context) => method.call(instance, root, context);
  return (root, _args, context, info) => method.apply(instance, kinds.map((kind) => (kind === 'root' ? root : kind === 'context' ? context : info)));
}

/**
 * Replace type-graphql's wrapper by a direct call on every field of `schema` resolved by a
 * method of one of `resolverClasses` that takes no arguments; returns the fields replaced, as
 * `Type.field`.
 */
export function callResolverMethodsDirectly(schema: GraphQLSchema, resolverClasses: readonly Function[]): string[] {
  const storage = getMetadataStorage();
  const typeNames = new Map<Function, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  const instances = new Map<Function, Record<string, unknown>>();
  const replaced: string[] = [];
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || !resolverClasses.includes(resolver.target) || !resolver.getObjectType) continue;
    if (resolver.middlewares?.length || resolver.roles?.length) continue;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    const plain = params.every((p) => (p.kind === 'root' && !p.propertyName && !p.getType) || (p.kind === 'context' && !p.propertyName) || p.kind === 'info');
    if (!plain || params.some((p, i) => p.index !== i)) continue;
    const typeName = typeNames.get(resolver.getObjectType());
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field) continue;
    let instance = instances.get(resolver.target);
    if (!instance) instances.set(resolver.target, (instance = new (resolver.target as new () => Record<string, unknown>)()));
    const method = instance[resolver.methodName];
    if (typeof method !== 'function') continue;
    field.resolve = direct(instance, method as Method, params.map((p) => p.kind as ParamKind));
    replaced.push(`${typeName}.${resolver.schemaName}`);
  }
  return replaced;
}
