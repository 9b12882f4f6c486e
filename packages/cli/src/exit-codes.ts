// Exit codes of every kaizen command, documented in the README.

export const EXIT_OK = 0;
/** The command ran and its verdict is negative (e.g. a release gate that fails). */
export const EXIT_FAILED = 1;
/** Bad usage, bad input, or an error that stopped the command: the message says what to do next. */
export const EXIT_ERROR = 2;
