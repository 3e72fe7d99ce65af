import type { TFunction } from 'i18next';
import { formatBytes } from '@/components/format';
import type { ImportProblem, ImportRule } from '@/lib/history/import-problem';

type Invalid = Extract<ImportProblem, { code: 'invalid' }>;

function ruleText(problem: Invalid & ImportRule, t: TFunction): string {
  const path = problem.path;
  switch (problem.rule) {
    case 'type':
      return {
        string: () => t('transfer.mustBeString', { path }),
        number: () => t('transfer.mustBeNumber', { path }),
        boolean: () => t('transfer.mustBeBoolean', { path }),
        object: () => t('transfer.mustBeObject', { path }),
        array: () => t('transfer.mustBeArray', { path }),
      }[problem.type]();
    case 'required':
      return t('transfer.missing', { path });
    case 'enum':
      return t('transfer.unknownValue', { path, value: problem.value });
    case 'const':
      return t('transfer.mustEqual', { path, value: problem.value });
    case 'minimum':
      return t('transfer.tooSmall', { path, limit: problem.limit });
    case 'empty':
      return t('transfer.mustNotBeEmpty', { path });
    case 'data-url':
      return t('transfer.notDataUrl', { path });
    case 'duplicate':
      return t('transfer.duplicate', { path, other: problem.other });
    case 'invalid':
      return t('transfer.notValid', { path });
  }
}

/** Why the file was refused, in words; the caller adds the file's name and "nothing changed". */
export function importProblemText(problem: ImportProblem, t: TFunction, locale: string): string {
  switch (problem.code) {
    case 'too-large':
      return t('transfer.tooLarge', {
        size: formatBytes(problem.size, locale),
        limit: formatBytes(problem.limit, locale),
      });
    case 'read-failed':
      return t('transfer.readFailed', { detail: problem.detail });
    case 'not-json':
      return t('transfer.notJson', { detail: problem.detail });
    case 'not-export':
      return t('transfer.notExport');
    case 'newer-version':
      return t('transfer.newerVersion', { version: problem.version, supported: problem.supported });
    case 'invalid': {
      const text = ruleText(problem, t);
      return problem.entry === undefined ? text : t('transfer.inEntry', { entry: problem.entry, problem: text });
    }
    case 'storage-full':
      return t('transfer.storageFull');
    case 'write-failed':
      return t('transfer.writeFailed', { detail: problem.detail });
  }
}
