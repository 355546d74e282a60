/** Id of the α-weight record (alphaWeight.ts), apart so thm4_2.ts can name it without an import cycle. */
export const ALPHA_WEIGHT_ID = 'ptransfer.thm4.2/alpha-weight';
