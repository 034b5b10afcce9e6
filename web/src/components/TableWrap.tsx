import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways inside this box on narrow screens; it is focusable
 * so keyboard users can scroll it too.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
