// Die von layout_shift_init.js gesammelten Verschiebungen: [{value, sources}].
() => window.__layoutShifts
