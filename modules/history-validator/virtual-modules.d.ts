// Modules made at build time by the plugin beside this file.
declare module 'virtual:history-export-validator' {
  import type { ErrorObject } from 'ajv';

  interface ValidateFunction {
    (data: unknown): boolean;
    errors?: ErrorObject[] | null;
  }
  const validate: ValidateFunction;
  export default validate;
}

declare module 'virtual:score-verdict-validator' {
  import type { ErrorObject } from 'ajv';

  interface ValidateFunction {
    (data: unknown): boolean;
    errors?: ErrorObject[] | null;
  }
  const validate: ValidateFunction;
  export default validate;
}
