import { useEffect, useState } from 'react';
import { chooseShareBase, fetchShareBase, type ShareBase, type ShareBaseInfo } from '../../../sync/shareBase';

/**
 * The base of the share links for maps on `serverUrl`, and the participant's pick among the
 * server's network addresses when the page came through a loopback address. Until the server
 * answers, the links use `serverUrl` itself.
 */
export function useShareBase(serverUrl: string): {
  shareBase: ShareBase;
  base: string;
  pick: (alternative: string) => void;
} {
  const [info, setInfo] = useState<ShareBaseInfo | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void fetchShareBase(serverUrl).then((answer) => alive && setInfo(answer));
    return () => {
      alive = false;
    };
  }, [serverUrl]);
  const shareBase = chooseShareBase(serverUrl, info);
  const base =
    shareBase.kind === 'loopback' && picked && shareBase.alternatives.includes(picked)
      ? picked
      : shareBase.base;
  return { shareBase, base, pick: setPicked };
}
