/**
 * Models wrap prompts in chatter: "Here is a prompt:", code fences, quotes, a closing "Let me
 * know if…". Users paste the prompt straight into another tool, so all of that goes.
 */
const PREAMBLE = new RegExp(
  String.raw`^(?:(?:sure|certainly|of course|absolutely|okay|ok)[!,.]?\s*)?(?:here(?:'|’)?s|here is` +
    String.raw`|below is|this is)\b[^\n:]{0,80}:\s*`,
  'i',
);
const LABEL = new RegExp(
  String.raw`^(?:\*\*|__)?(?:(?:final|image|midjourney|stable diffusion|flux` +
    String.raw`|dall[·.-]?e)\s+)?prompt(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*`,
  'i',
);
const POSTAMBLE = /\n+\s*(?:let me know|i hope|feel free|would you like|this prompt|note:)[\s\S]*$/i;
const FENCE = /^```[\w-]*\s*\n?([\s\S]*?)\n?```\s*$/;
const QUOTES: Array<[string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['‘', '’'],
  ['«', '»'],
  ['「', '」'],
];

const REFUSAL = new RegExp(
  String.raw`^(?:i(?:'|’)?m sorry|sorry,|i apologi[sz]e|i (?:can(?:not|'t|’t)|am unable to|won(?:'|’)t` +
    String.raw`|am not able to) (?:help|assist|describe|provide|create|generate|fulfil|fulfill|process` +
    String.raw`|comply|do that|identify)|i(?:'|’)?m (?:unable|not able) to|as an ai\b)`,
  'i',
);

export function stripWrapping(raw: string): string {
  let text = raw.trim();
  const fenced = FENCE.exec(text);
  if (fenced) text = fenced[1]!.trim();
  text = text.replace(PREAMBLE, '').trim();
  const refenced = FENCE.exec(text);
  if (refenced) text = refenced[1]!.trim();
  text = text.replace(LABEL, '').replace(POSTAMBLE, '').trim();
  for (const [open, close] of QUOTES) {
    if (text.length > 1 && text.startsWith(open) && text.endsWith(close) && !text.slice(1, -1).includes(close)) {
      text = text.slice(open.length, -close.length).trim();
    }
  }
  return text;
}

/**
 * A model declining, worded as models word it; only short answers count, so prompts that merely
 * mention sorrow do not.
 */
export function looksLikeRefusal(text: string): boolean {
  return text.length < 400 && REFUSAL.test(text.trim());
}
