/**
 * A button's asynchronous work, run so that its failure reaches the user: the rejection becomes a
 * Chinese message for the component to show where the user acted, and the page stays usable. Click
 * handlers use this instead of `void promise`, which drops the error on the floor (恢复样例数据 once
 * failed that way and the user saw nothing).
 */
import { useCallback, useState } from 'react';

export interface Action {
  /** The last failure's message, until the next action starts. */
  message?: string;
  /** Runs `work`; `failure` names what did not happen ("恢复样例数据未完成"). */
  run(failure: string, work: () => Promise<unknown>): void;
}

export function useAction(): Action {
  const [message, setMessage] = useState<string>();
  const run = useCallback((failure: string, work: () => Promise<unknown>) => {
    setMessage(undefined);
    work().catch((error: unknown) =>
      setMessage(`${failure}：${error instanceof Error ? error.message : String(error)}`),
    );
  }, []);
  return { message, run };
}
