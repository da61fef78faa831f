/** The command layer's view of the context; it lives below the adapters so that they can use it too. */
export * from '../adapters/context.js';
