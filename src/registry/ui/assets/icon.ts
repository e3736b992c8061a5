/**
 * The pages' icon (a 32×32 green box, PNG in an ICO container, 147 bytes), served as
 * `/ui/-/assets/icon-HASH.ico` and at `/favicon.ico`, where browsers look without being told.
 */
export const ICON_BASE64 =
  'AAABAAEAICAAAAEAIAB9AAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAERJREFUeNpjYBgFo2AUoAHueJv/tMREOUB+RQ5N8KgDho4DBjwRipxpoAkedcCoA0YdMOqAUQeMOmDUAUOjPTAKRhwAAKs4hMkXJTgHAAAAAElFTkSuQmCC';
