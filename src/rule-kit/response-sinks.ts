/**
 * HTTP responses as sinks (issue 11): the value a call, an assignment or a Lambda proxy result sends to the
 * caller as the response body. Receivers, methods and shapes are catalogue data (`responseSinks` in
 * src/catalogue/loggers.ts); the rule reports only the server's own secrets there (see `Leak.server`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { responseSinks } from '../catalogue/loggers.js';
import { normaliseName } from '../detect/index.js';
import { propertyName, unwrap } from './ast.js';

/** A response body and how a message names where it goes. */
export interface ResponseBody {
  readonly body: TSESTree.Node;
  readonly title: string;
}

const named = (n: TSESTree.Node): string | undefined => {
  const u = unwrap(n);
  if (u.type === T.Identifier) return u.name;
  return u.type === T.MemberExpression ? propertyName(u) : undefined;
};

/** `res`, `reply`, `res.status(500)`, `reply.code(201).header('x', y)`: a response receiver, through status calls. */
function isResponseReceiver(node: TSESTree.Node): boolean {
  let n = unwrap(node);
  for (let i = 0; i < 4 && n.type === T.CallExpression; i++) {
    const c = unwrap(n.callee);
    if (c.type !== T.MemberExpression || !responseSinks.chained.has(propertyName(c) ?? '')) return false;
    n = unwrap(c.object);
  }
  const name = named(n);
  return name !== undefined && responseSinks.receiver.pattern.test(normaliseName(name));
}

/** `res.json(x)`, `reply.send(x)`, `Response.json(x)`: the body a call sends, if it sends one. */
export function responseOfCall(call: TSESTree.CallExpression): ResponseBody | undefined {
  const body = call.arguments[0];
  if (!body || body.type === T.SpreadElement) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return undefined;
  const method = propertyName(callee) ?? '';
  const obj = unwrap(callee.object);
  if (obj.type === T.Identifier && responseSinks.statics.has(`${obj.name}.${method}`))
    return { body, title: `${obj.name}.${method}` };
  if (!responseSinks.methods.has(method) || !isResponseReceiver(obj)) return undefined;
  return { body, title: `the response (${named(obj) ?? 'res'}.${method})` };
}

/** `new Response(x)`, `new NextResponse(x)`. */
export function responseOfNew(node: TSESTree.NewExpression): ResponseBody | undefined {
  const body = node.arguments[0];
  const c = unwrap(node.callee);
  if (!body || body.type === T.SpreadElement || c.type !== T.Identifier || !responseSinks.classes.has(c.name))
    return undefined;
  return { body, title: `new ${c.name}` };
}

/** `ctx.body = x` (Koa): the assigned body. */
export function responseOfAssignment(node: TSESTree.AssignmentExpression): ResponseBody | undefined {
  const left = node.left;
  if (node.operator !== '=' || left.type !== T.MemberExpression) return undefined;
  if (!responseSinks.bodyMembers.has(propertyName(left) ?? '') || !isResponseReceiver(left.object)) return undefined;
  return { body: node.right, title: `the response body (${named(left.object) ?? 'ctx'}.body)` };
}

/** `@Get()`, `@Controller('admin')`: the name a decorator calls or is. */
const decoratorName = (d: TSESTree.Decorator): string | undefined => {
  const e = unwrap(d.expression);
  return named(e.type === T.CallExpression ? e.callee : e);
};

/**
 * `@Get('debug') handler() { return x; }` in a `@Controller()` class: x is the response body, unless the method
 * takes the platform response (`@Res() res`) and sends the body itself.
 */
function controllerRoute(node: TSESTree.ReturnStatement): string | undefined {
  let fn: TSESTree.Node | undefined = node.parent;
  while (
    fn &&
    fn.type !== T.FunctionExpression &&
    fn.type !== T.ArrowFunctionExpression &&
    fn.type !== T.FunctionDeclaration
  )
    fn = fn.parent;
  const method = fn?.parent;
  if (fn?.type !== T.FunctionExpression || method?.type !== T.MethodDefinition) return undefined;
  const route = (method.decorators ?? [])
    .map(decoratorName)
    .find((d) => d !== undefined && responseSinks.routeMethods.has(d));
  const cls = method.parent.parent;
  if (route === undefined || (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression)) return undefined;
  if (!(cls.decorators ?? []).some((d) => responseSinks.controllerClass.has(decoratorName(d) ?? ''))) return undefined;
  const ownResponse = fn.params.some((p) =>
    (p.type === T.TSParameterProperty ? [] : (p.decorators ?? [])).some((d) =>
      responseSinks.ownResponseParameters.has(decoratorName(d) ?? ''),
    ),
  );
  return ownResponse ? undefined : `@${route}() ${propertyName(method) ?? 'handler'}`;
}

/**
 * `return { statusCode: 200, body: JSON.stringify(x) }`: a Lambda proxy result's body; `return x` from a NestJS
 * controller's route method: x.
 */
export function responseOfReturn(node: TSESTree.ReturnStatement): ResponseBody | undefined {
  const arg = node.argument && unwrap(node.argument);
  if (!arg) return undefined;
  const route = controllerRoute(node);
  if (route !== undefined) return { body: arg, title: `the response of the controller route (${route})` };
  if (arg.type !== T.ObjectExpression) return undefined;
  const props = new Map<string, TSESTree.Property>();
  for (const p of arg.properties) if (p.type === T.Property) props.set(propertyName(p) ?? '', p);
  if (!responseSinks.proxyResult.every((k) => props.has(k))) return undefined;
  return { body: props.get('body')!.value, title: 'a Lambda proxy response body' };
}
