import type { JsonSchema } from '../check.js';

/** `Error { Errors { Error: [ { Source, ReasonCode, Description, Details, Recoverable } ] } }`, every 400/500/504 (open-banking-connect-pis 1.16.0). */
export const errorResponse: JsonSchema = {
  $comment: 'definitions/Error, open-banking-connect-pis 1.16.0',
  type: 'object',
  required: ['Errors'],
  properties: {
    Errors: {
      type: 'object',
      required: ['Error'],
      properties: {
        Error: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              Description: { type: 'string' },
              Details: { type: 'string' },
              ReasonCode: { type: 'string' },
              Recoverable: { type: 'boolean' },
              Source: { type: 'string' },
            },
            additionalProperties: false,
          },
        },
      },
    },
  },
};
