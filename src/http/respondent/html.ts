// The tagged-template HTML builder lives in the domain (pure) so emails rendered there share it.
export * from '../../domain/html.ts';
