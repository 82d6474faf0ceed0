import { useEffect, useRef, useState, type ReactNode } from "react";

type Props = { children: ReactNode; placeholder: ReactNode; minHeight: number };

/**
 * Renders `children` once its place comes near the screen. The dashboard's charts (recharts,
 * the biggest chunk) sit below the figures: a phone that never scrolls never downloads them.
 */
export function WhenVisible({ children, placeholder, minHeight }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === "undefined");

  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      // Start a screen early, so the charts are there by the time they scroll in.
      { rootMargin: "100% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);

  return (
    <div ref={ref} style={{ minHeight: seen ? undefined : minHeight }}>
      {seen ? children : placeholder}
    </div>
  );
}
