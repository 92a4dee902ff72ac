import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setSetting } from '@/lib/db/settings';

import type { PanelMode } from './Panel';

const MODES: readonly PanelMode[] = ['sales', 'support'];

/**
 * Sales / Support as a WAI-ARIA radio group: one tab stop (the checked one);
 * the arrow keys move to the other mode and choose it, as the APG's radio group
 * does; Home and End go to the first and last. `mode` null: the stored choice is not
 * known yet, none is shown checked (the first is the tab stop, as the APG has it).
 */
export function ModeSwitch({ mode, disabled = false }: { mode: PanelMode | null; disabled?: boolean }) {
  const { t } = useTranslation();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const choose = (i: number) => {
    const next = (i + MODES.length) % MODES.length;
    refs.current[next]?.focus();
    void setSetting('panelMode', MODES[next]);
  };
  const onKey = (e: KeyboardEvent) => {
    if (mode === null) return;
    const at = MODES.indexOf(mode);
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: MODES.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    choose(to);
  };
  return (
    <div role="radiogroup" aria-label={t('mode.label')} className="mode" onKeyDown={onKey}>
      {MODES.map((m, i) => (
        <button
          key={m}
          ref={(el) => { refs.current[i] = el; }}
          type="button"
          role="radio"
          aria-checked={mode === m}
          tabIndex={(mode ?? MODES[0]) === m ? 0 : -1}
          disabled={disabled}
          className={mode === m ? 'on' : ''}
          onClick={() => choose(i)}
        >
          {t(`mode.${m}`)}
        </button>
      ))}
    </div>
  );
}
