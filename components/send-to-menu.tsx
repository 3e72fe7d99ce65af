import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { chosenTargets } from '@/lib/send-to/chosen-targets';
import { planSend, type SendTarget } from '@/lib/send-to/targets';
import { useSettings } from './use-settings';
import { useTimedNote } from './use-timed-note';
import './send-to-menu.css';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * "Send to…": a menu button (WAI-ARIA APG pattern: arrow keys, Home/End, Escape and Tab close it,
 * focus goes back to the button). Choosing a tool copies the prompt and opens the tool in a new
 * tab, with the prompt in its address where the tool takes one; nothing is injected into the site.
 */
export function SendToMenu({ text }: { text: string }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useTimedNote<string>(8000);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const menuId = useId();
  const targets = settings ? chosenTargets(settings.sendTo) : [];
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    const list = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    (focusOnOpen.current === 'first' ? list[0] : list.at(-1))?.focus();
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  if (!targets.length) return null;

  const openMenu = (focus: 'first' | 'last') => {
    focusOnOpen.current = focus;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const send = async (target: SendTarget) => {
    close();
    const plan = planSend(target, text);
    let copied = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      copied = false;
    }
    setNote(
      copied
        ? plan.prefilled
          ? t('popup.copied')
          : t(IS_MAC ? 'sendTo.pasteHintMac' : 'sendTo.pasteHint')
        : t('popup.copyFailed'),
    );
    await browser.tabs.create({ url: plan.url });
  };
  const onButtonKey = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (event: React.KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => list[(index + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') setOpen(false);
    else if (event.key.length === 1) {
      // Type-ahead: the next tool whose name starts with the letter.
      const letter = event.key.toLocaleLowerCase();
      const next = list.findIndex((item, i) => i > at && item.textContent?.toLocaleLowerCase().startsWith(letter));
      move(next >= 0 ? next : list.findIndex((item) => item.textContent?.toLocaleLowerCase().startsWith(letter)));
    } else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <span className="send-to">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={!text}
        onClick={() => (open ? setOpen(false) : openMenu('first'))}
        onKeyDown={onButtonKey}
      >
        {t('sendTo.button')}
      </button>
      <div ref={menu} id={menuId} role="menu" aria-label={t('sendTo.button')} hidden={!open} onKeyDown={onMenuKey}>
        {targets.map((target) => (
          <div
            key={target.id}
            role="menuitem"
            tabIndex={-1}
            onClick={() => void send(target)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              void send(target);
            }}
          >
            <bdi>{target.name}</bdi>
          </div>
        ))}
      </div>
      <span role="status" className="small muted">
        {note}
      </span>
    </span>
  );
}
