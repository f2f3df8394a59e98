/**
 * Whole objects that hold secrets, logged as one value (issue 11): an incoming request (its Authorization
 * and Cookie headers), the headers of an outgoing request's options (the client's bearer token), a whole
 * token response (`access_token`, `refresh_token`), and the environment of Deno and Bun. Read by leaks.ts;
 * names, types and calls are catalogue data (src/catalogue/loggers.ts).
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  environmentObjects,
  incomingConnection,
  httpRequestType,
  outgoingRequestConfig,
  randomSecretName,
  requestName,
  tokenResponseCall,
  tokenResponseName,
} from '../catalogue/loggers.js';
import { isSecretName, normaliseName } from '../detect/index.js';
import { findVariable, propertyName, unwrap } from './ast.js';
import type { Origin } from './values.js';

/** `fn`, `a.b.fn` → dotted text, or undefined. */
function dotted(n: TSESTree.Node): string | undefined {
  const u = unwrap(n);
  if (u.type === T.Identifier) return u.name;
  if (u.type === T.MemberExpression && !u.computed && u.property.type === T.Identifier) {
    const o = dotted(u.object);
    return o === undefined ? undefined : `${o}.${u.property.name}`;
  }
  return undefined;
}

/** `Deno.env.toObject()`, `Bun.env`: the whole environment. */
export function isEnvironmentObject(n: TSESTree.Node): boolean {
  const u = unwrap(n);
  if (u.type === T.CallExpression) return environmentObjects.calls.has(dotted(u.callee) ?? '');
  return u.type === T.MemberExpression && environmentObjects.members.has(dotted(u) ?? '');
}

/** `request`, `req: Request`: a parameter that holds the incoming request, by its name or its written type. */
function requestParameter(p: TSESTree.Parameter | undefined): boolean {
  if (p?.type !== T.Identifier) return false;
  const ann = p.typeAnnotation?.typeAnnotation;
  const type = ann?.type === T.TSTypeReference && ann.typeName.type === T.Identifier ? ann.typeName.name : undefined;
  return type !== undefined ? httpRequestType.pattern.test(type) : requestName.pattern.test(normaliseName(p.name));
}

/**
 * An edge platform's per-request environment: `c.env` (Hono), `context.env` (Pages Functions), `platform.env`,
 * or the second parameter of a Worker handler method (`fetch(request, env, ctx)`). Its members are the
 * Worker's variables and secrets, as `process.env` is on Node.
 */
export function isPlatformEnvironment(n: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const u = unwrap(n);
  if (u.type === T.MemberExpression) {
    if (propertyName(u) !== 'env') return false;
    const holder = unwrap(u.object);
    const name =
      holder.type === T.Identifier
        ? holder.name
        : holder.type === T.MemberExpression
          ? propertyName(holder)
          : undefined;
    return name !== undefined && environmentObjects.platformHolder.pattern.test(normaliseName(name));
  }
  if (u.type !== T.Identifier) return false;
  const def = findVariable(scope, u)?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter) return false;
  const fn = def.node;
  if (!('params' in fn) || fn.params[1] !== def.name) return false;
  const owner = fn.parent;
  const key = owner?.type === T.Property || owner?.type === T.MethodDefinition ? propertyName(owner) : undefined;
  if (key === undefined || !environmentObjects.handlerMethods.has(key)) return false;
  // Workers hand `env` to the methods of the exported handler object (`export default { fetch(request, env, ctx) }`).
  // A class entrypoint (`WorkerEntrypoint`, a Durable Object) reads `this.env`: a class's own `fetch(peer, key)` is
  // a method of that name, and its second parameter is the method's own, unless its first is the request.
  return owner?.type === T.Property || requestParameter(fn.params[0]);
}

/** `c.env.STRIPE_KEY`, `env.STRIPE_KEY` in a Worker handler: the name of a platform environment variable read. */
export function platformEnvVarName(n: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  const u = unwrap(n);
  if (u.type !== T.MemberExpression || !isPlatformEnvironment(u.object, scope)) return undefined;
  return propertyName(u);
}

/** A parameter binding: its declaration node and the function that declares it. */
function paramOf(
  id: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
): { readonly name: TSESTree.Identifier; readonly fn: TSESTree.Node } | undefined {
  const def = findVariable(scope, id)?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.name.type !== T.Identifier) return undefined;
  return { name: def.name, fn: def.node };
}

/**
 * An incoming request parameter logged whole (`console.log(req)`, `JSON.stringify(event)`): with it go its
 * Authorization and Cookie headers; only in a function that reads it as an HTTP request. The sink's title is read
 * (`sinkTitle` called) only where it decides: a request-named value the text around it does not serialise.
 */
export function wholeRequest(
  n: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
  text: (n: TSESTree.Node) => string,
  sinkTitle: () => string,
): string | undefined {
  const name = normaliseName(n.name);
  if (!requestName.pattern.test(name)) return undefined;
  // Serialised or dumped whole: console, `JSON.stringify(req)`, `{ req }`; a project's own request logger
  // (`requestLogger.log(req, ms)`) picks its fields.
  const p = n.parent;
  const serialised =
    p?.type === T.Property ||
    (p?.type === T.CallExpression && /^(?:JSON\.stringify|(?:util\.)?inspect)$/.test(dotted(p.callee) ?? '')) ||
    sinkTitle().startsWith('console.');
  if (!serialised) return undefined;
  const param = paramOf(n, scope);
  if (!param) return undefined;
  // Only a request the function reads as HTTP (its body, headers or cookies): a JSON-RPC `req` or a DOM
  // `event` carries no credentials. An untyped event read only for its query or path parameters is the request of
  // a public endpoint (a calculator, a lookup) that takes no credential; unless a parameter it reads is one
  // (`event.queryStringParameters.api_key`).
  const fnText = text(param.fn);
  const http = new RegExp(String.raw`\b${n.name}\??\.(?:body|headers|cookies|requestContext)\b`);
  if (!http.test(fnText) && !typedAsHttp(param) && !credentialParameterRead(n.name, fnText)) return undefined;
  return `'${n.name}', a whole request with its credential headers`;
}

/** `event.queryStringParameters.api_key`, `event.pathParameters?.['token']`: a credential sent as a parameter. */
function credentialParameterRead(name: string, fnText: string): boolean {
  const re = new RegExp(
    String.raw`\b${name}\??\.(?:queryStringParameters|pathParameters|query|params)\??\.\[?['"]?([A-Za-z_$][\w$-]*)`,
    'g',
  );
  for (let m = re.exec(fnText); m; m = re.exec(fnText))
    if (isSecretName(m[1]!) || randomSecretName.pattern.test(normaliseName(m[1]!))) return true;
  return false;
}

/** The name of a type reference (`APIGatewayProxyEventV2`, `Koa.Request` → `Request`). */
function typeRefName(t: TSESTree.TypeNode | undefined): string | undefined {
  if (t?.type !== T.TSTypeReference) return undefined;
  const n = t.typeName;
  return n.type === T.Identifier ? n.name : n.type === T.TSQualifiedName ? n.right.name : undefined;
}

/** `(event: APIGatewayProxyEventV2)`, `const h: APIGatewayProxyHandler = async (event) => …`: an HTTP request. */
function typedAsHttp(param: { readonly name: TSESTree.Identifier; readonly fn: TSESTree.Node }): boolean {
  const own = typeRefName(param.name.typeAnnotation?.typeAnnotation);
  if (own !== undefined) return httpRequestType.pattern.test(own);
  const decl = param.fn.parent;
  if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.Identifier) return false;
  const handler = typeRefName(decl.id.typeAnnotation?.typeAnnotation);
  return handler !== undefined && httpRequestType.pattern.test(handler);
}

/**
 * `config.headers` in an axios request interceptor, `init.headers` of a `RequestInit` parameter: the headers
 * an outgoing request carries, with the client's Authorization header.
 */
export function outgoingHeaders(holder: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const h = unwrap(holder);
  if (h.type !== T.Identifier) return false;
  const param = paramOf(h, scope);
  if (!param) return false;
  // `init: RequestInit`, or an intersection with it (`init: RequestInit & { headers: Record<string, string> }`).
  const ann = param.name.typeAnnotation?.typeAnnotation;
  const parts = ann?.type === T.TSIntersectionType ? ann.types : ann ? [ann] : [];
  if (
    parts.some(
      (t) =>
        t.type === T.TSTypeReference &&
        t.typeName.type === T.Identifier &&
        outgoingRequestConfig.types.has(t.typeName.name),
    )
  )
    return true;
  const call = param.fn.parent;
  return (
    call?.type === T.CallExpression &&
    call.arguments[0] === param.fn &&
    outgoingRequestConfig.interceptor.test(dotted(call.callee) ?? '')
  );
}

/** `const tokens = await res.json(); log(tokens)`: a whole token response from a call, logged as one value. */
export function wholeTokenResponse(
  n: TSESTree.Identifier,
  origins: readonly Origin[],
  text: (n: TSESTree.Node) => string,
): string | undefined {
  if (!tokenResponseName.pattern.test(normaliseName(n.name))) return undefined;
  const fromCall = origins.some((o) => o.kind === 'call' && tokenResponseCall.pattern.test(text(o.node)));
  return fromCall ? `'${n.name}', a whole token response` : undefined;
}

/** The type a binding is declared or cast with: `(e: AxiosError)`, `const e = err as AxiosError`. */
function declaredType(id: TSESTree.Identifier, scope: TSESLint.Scope.Scope): string | undefined {
  const def = findVariable(scope, id)?.defs[0];
  const own = def?.name.type === T.Identifier ? typeRefName(def.name.typeAnnotation?.typeAnnotation) : undefined;
  if (own !== undefined) return own;
  const init = def?.node.type === T.VariableDeclarator ? def.node.init : undefined;
  return init?.type === T.TSAsExpression ? typeRefName(init.typeAnnotation) : undefined;
}

/** The module reads a browser global (`document`, `window`) it does not declare: it runs in a browser. */
function inBrowser(scope: TSESLint.Scope.Scope): boolean {
  let top = scope;
  while (top.upper) top = top.upper;
  return top.through.some((r) => outgoingRequestConfig.browserRequest.globals.has(r.identifier.name));
}

/**
 * `e.config`, `e.response.config`, `e.request` of an axios error (`const e = err as AxiosError`, `(e: AxiosError)`):
 * the failed request's config or Node request, with the headers the client sent.
 */
export function clientErrorRequest(
  n: TSESTree.MemberExpression,
  scope: TSESLint.Scope.Scope,
  sendsCredentialHeader: () => boolean,
): boolean {
  // `err.config.headers`: the headers of that config.
  const config = propertyName(n) === 'headers' && unwrap(n.object).type === T.MemberExpression ? unwrap(n.object) : n;
  if (config.type !== T.MemberExpression || !outgoingRequestConfig.errorMembers.has(propertyName(config) ?? ''))
    return false;
  if (propertyName(config) === outgoingRequestConfig.browserRequest.member && inBrowser(scope)) return false;
  let holder = unwrap(config.object);
  if (holder.type === T.MemberExpression && propertyName(holder) === 'response') holder = unwrap(holder.object);
  if (holder.type !== T.Identifier) return false;
  const type = declaredType(holder, scope);
  if (type !== undefined) return outgoingRequestConfig.errorTypes.has(type);
  // Untyped: a caught error, or the rejection handler of an axios interceptor, in a file whose requests send a
  // credential header (`axios.create({ headers: { Authorization } })`): the failed request carries it.
  const def = findVariable(scope, holder)?.defs[0];
  const caught = def?.type === TSESLint.Scope.DefinitionType.CatchClause;
  const fn = def?.type === TSESLint.Scope.DefinitionType.Parameter ? def.node : undefined;
  const call = fn?.parent;
  const rejected =
    call?.type === T.CallExpression &&
    call.arguments[1] === fn &&
    /\binterceptors\.(?:request|response)\.use$/.test(dotted(call.callee) ?? '');
  return (caught || rejected) && sendsCredentialHeader();
}

/**
 * `socket.handshake.auth`, `socket.handshake.headers`, `call.metadata` of a gRPC server call: the credentials an
 * incoming connection carries.
 */
export function incomingCredentials(
  n: TSESTree.MemberExpression,
  scope: TSESLint.Scope.Scope,
  text: (n: TSESTree.Node) => string,
): boolean {
  const p = propertyName(n);
  const holder = unwrap(n.object);
  if (p !== undefined && incomingConnection.handshakeMembers.has(p))
    return holder.type === T.MemberExpression && propertyName(holder) === 'handshake';
  if (p !== 'metadata' || holder.type !== T.Identifier) return false;
  const param = paramOf(holder, scope);
  const ann = param?.name.typeAnnotation;
  return ann !== undefined && incomingConnection.grpcCallType.test(text(ann));
}
