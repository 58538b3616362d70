// AI Wizard's pages work without this script; it adds live updates. No inline script anywhere (see the CSP).
"use strict";
