import { SmsSendError, type SmsErrorCode, type SmsErrorKind } from './port.ts';

/** SMPP 3.4 command_status values this adapter tells apart (spec §5.1.3). */
export const SMPP_STATUS = {
  ESME_ROK: 0x00,
  ESME_RINVMSGLEN: 0x01,
  ESME_RINVBNDSTS: 0x04,
  ESME_RSYSERR: 0x08,
  ESME_RINVSRCADR: 0x0a,
  ESME_RINVDSTADR: 0x0b,
  ESME_RBINDFAIL: 0x0d,
  ESME_RINVPASWD: 0x0e,
  ESME_RINVSYSID: 0x0f,
  ESME_RMSGQFUL: 0x14,
  ESME_RINVESMCLASS: 0x43,
  ESME_RSUBMITFAIL: 0x45,
  ESME_RINVSRCTON: 0x48,
  ESME_RINVSRCNPI: 0x49,
  ESME_RINVDSTTON: 0x50,
  ESME_RINVDSTNPI: 0x51,
  ESME_RTHROTTLED: 0x58,
  ESME_RX_T_APPN: 0x64,
  ESME_RX_P_APPN: 0x65,
  ESME_RX_R_APPN: 0x66,
  ESME_RINVDCS: 0x104,
  ESME_RUNKNOWNERR: 0xff,
} as const;

const S = SMPP_STATUS;

/**
 * What a non-zero submit_sm_resp status means for the caller. Statuses not
 * listed (including vendor-specific 0x400–0x4FF) are permanent: retrying an
 * unknown refusal forever costs more than giving up on one message.
 */
const TABLE = new Map<number, [SmsErrorKind, SmsErrorCode]>([
  [S.ESME_RTHROTTLED, ['temporary', 'throttled']],
  [S.ESME_RMSGQFUL, ['temporary', 'queue_full']],
  [S.ESME_RSYSERR, ['temporary', 'smsc_error']],
  [S.ESME_RX_T_APPN, ['temporary', 'smsc_error']],
  [S.ESME_RSUBMITFAIL, ['temporary', 'smsc_error']],
  [S.ESME_RUNKNOWNERR, ['temporary', 'smsc_error']],
  [S.ESME_RINVBNDSTS, ['temporary', 'connection']],
  [S.ESME_RINVDSTADR, ['permanent', 'invalid_destination']],
  [S.ESME_RINVDSTTON, ['permanent', 'invalid_destination']],
  [S.ESME_RINVDSTNPI, ['permanent', 'invalid_destination']],
  [S.ESME_RINVSRCADR, ['permanent', 'invalid_sender']],
  [S.ESME_RINVSRCTON, ['permanent', 'invalid_sender']],
  [S.ESME_RINVSRCNPI, ['permanent', 'invalid_sender']],
  [S.ESME_RINVMSGLEN, ['permanent', 'invalid_message']],
  [S.ESME_RINVESMCLASS, ['permanent', 'invalid_message']],
  [S.ESME_RINVDCS, ['permanent', 'invalid_message']],
  [S.ESME_RX_P_APPN, ['permanent', 'rejected']],
  [S.ESME_RX_R_APPN, ['permanent', 'rejected']],
]);

export function hex(status: number): string {
  return `0x${status.toString(16).padStart(8, '0')}`;
}

export function submitError(status: number, acceptedMessageIds: string[] = []): SmsSendError {
  const [kind, code] = TABLE.get(status) ?? ['permanent', 'rejected'];
  return new SmsSendError(kind, code, `The SMSC refused submit_sm with status ${hex(status)}.`, status, acceptedMessageIds);
}

/**
 * A refused bind. Wrong credentials will not fix themselves, so they stop the
 * sender; a generic bind failure (often "too many sessions") is retried.
 */
export function bindError(status: number): SmsSendError {
  const permanent = status === S.ESME_RINVPASWD || status === S.ESME_RINVSYSID;
  return new SmsSendError(
    permanent ? 'permanent' : 'temporary',
    'bind_refused',
    `The SMSC refused bind_transceiver with status ${hex(status)}.`,
    status,
  );
}
