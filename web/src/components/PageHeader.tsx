import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks.ts';

/** The page's h1 (also the tab title) and its main actions. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}
