import { useEffect, useState } from 'react'

/** The current time, renewed every `everyMs` (a live countdown redraws itself with it). */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
