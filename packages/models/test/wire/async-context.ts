// A minimal AsyncLocalStorage context manager, so AI SDK child spans get their parent in tests.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Context, type ContextManager, context, ROOT_CONTEXT } from '@opentelemetry/api';

/**
 * BasicTracerProvider registers no context manager, and without one `context.active()` is always the root: every
 * AI SDK span (ai.generateText, its doGenerate, tool calls) becomes its own trace. Applications get one from
 * NodeSDK / NodeTracerProvider.register(); @opentelemetry/context-async-hooks is not installed here, so this is it.
 */
class AsyncLocalStorageContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();

  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    active: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(active, () => fn.apply(thisArg, args));
  }

  bind<T>(active: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const run = (...args: unknown[]) => this.storage.run(active, () => target.apply(undefined, args));
    return run as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.storage.disable();
    return this;
  }
}

/** Installs the manager globally until the returned function is called. */
export function installAsyncContext(): () => void {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  return () => context.disable();
}
