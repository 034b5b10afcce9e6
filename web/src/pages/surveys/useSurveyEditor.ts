import { useEffect, useMemo, useState } from 'react';
import { validateSurvey, type SurveyDefinition } from '../../../../src/domain/surveys/index.ts';
import { api } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import type { SurveyView } from '../../surveyTypes.ts';
import { sameDefinition } from './editor/draftOps.ts';

export type LifecycleAction = 'launch' | 'pause' | 'resume' | 'close';

/** The draft being edited next to the last saved state; problems are checked live in the browser. */
export function useSurveyEditor(tenantId: string, initial: SurveyView) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SurveyDefinition>(initial.draft);
  const [name, setName] = useState(initial.name);
  const [notice, setNotice] = useState<'saved' | LifecycleAction | null>(null);
  const validation = useMemo(() => validateSurvey(draft), [draft]);
  const dirty = name !== saved.name || !sameDefinition(draft, saved.draft);

  const adopt = (view: SurveyView) => {
    setSaved(view);
    setDraft(view.draft);
    setName(view.name);
  };

  const save = useAction(async () => {
    const view = await api.updateSurvey(tenantId, saved.id, { name, draft });
    adopt(view);
    setNotice('saved');
    return view;
  });

  const act = useAction(async (action: LifecycleAction) => {
    if (action === 'launch' && dirty) adopt(await api.updateSurvey(tenantId, saved.id, { name, draft }));
    const view = await api.surveyAction(tenantId, saved.id, action);
    adopt(view);
    setNotice(action);
    return view;
  });

  // Leaving with unsaved edits asks first (reloads and closing the tab; in-app links are the author's choice).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const edit = (next: SurveyDefinition) => {
    setDraft(next);
    setNotice(null);
  };

  return { saved, draft, name, setName, edit, validation, dirty, save, act, notice, pending: save.pending || act.pending };
}
