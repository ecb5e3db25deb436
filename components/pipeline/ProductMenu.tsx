"use client";
// The product's navigation: a row of links on a wide screen; on a narrow one, a "Menu" disclosure button that
// opens them as a panel (Escape or a click elsewhere closes it, and it closes on navigation).
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

export function ProductMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Open only on the page where it was opened: following a link in it closes it.
  const [openOn, setOpenOn] = useState<string>();
  const open = openOn === pathname;
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpenOn(undefined);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(undefined);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="product-menu" data-open={open}>
      <button
        ref={buttonRef}
        type="button"
        className="button secondary product-menu-toggle"
        data-tour="product-menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? undefined : pathname)}
      >
        Menu
      </button>
      <div id={panelId} className="product-menu-items">
        {children}
      </div>
    </div>
  );
}
