/**
 * The widget's stylesheet, inside its shadow root: nothing of the host page's
 * CSS reaches in (the root resets every inherited property), nothing of this
 * leaks out. Sizes in px, because the host page may set any root font size.
 */
export const WIDGET_CSS = `:host{all:initial}
.root{all:initial;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;letter-spacing:normal;text-align:left;text-transform:none;direction:ltr}
*{box-sizing:border-box;font:inherit;color:inherit;letter-spacing:inherit;text-transform:inherit;margin:0}
.panel{position:fixed;z-index:2147483000;bottom:16px;width:360px;max-width:calc(100vw - 16px);max-height:calc(100vh - 32px);overflow:auto;background:#fff;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.25);padding:18px 16px 16px}
.bottom-right .panel{right:16px}.bottom-left .panel{left:16px}
.center .backdrop{position:fixed;inset:0;z-index:2147482999;background:rgba(0,0,0,.45)}
.center .panel{top:50%;left:50%;bottom:auto;transform:translate(-50%,-50%);width:440px}
.q{font-size:16px;font-weight:600;margin:0 28px 12px 0;line-height:1.35}
.thanks .q{font-size:18px}
.close{position:absolute;top:8px;right:8px;width:32px;height:32px;border:0;border-radius:8px;background:none;font-size:22px;line-height:1;color:#4a4a4a;cursor:pointer;padding:0}
.close:hover{background:#f0f0f0}
button{cursor:pointer;font-weight:600;border:2px solid #0b57d0;background:#fff;color:#0b57d0;border-radius:8px;min-height:40px;padding:6px 12px}
button:hover{background:#e8f0fe}
button.primary{background:#0b57d0;color:#fff}
button.link{border-color:transparent;background:none;text-decoration:underline;font-weight:400;margin-top:8px;padding:4px 0;min-height:0}
.scale{display:flex;gap:3px}.scale button{flex:1 1 0;min-width:0;padding:6px 0}
.ends{display:flex;justify-content:space-between;gap:12px;font-size:12px;color:#4a4a4a;margin-top:6px}
.opts{display:flex;gap:8px;flex-wrap:wrap}.col{flex-direction:column;align-items:stretch}
.row{display:flex;gap:8px;align-items:flex-end;margin-top:4px}
textarea,input[type=number]{flex:1;min-width:0;padding:8px;border:2px solid #767676;border-radius:8px;background:#fff;resize:vertical}
.opt{display:flex;gap:8px;align-items:center;padding:4px 0}.opt input{width:18px;height:18px}
.err{color:#b3261e;font-weight:600;margin-top:8px}.err:empty{display:none}
.muted{color:#4a4a4a}
:focus-visible{outline:3px solid #e8710a;outline-offset:2px}
@media (max-width:480px){.bottom-right .panel,.bottom-left .panel{left:8px;right:8px;bottom:8px;width:auto;max-width:none}.center .panel{width:calc(100vw - 16px)}}
@media (prefers-reduced-motion:no-preference){.panel{animation:vx-in .18s ease-out}@keyframes vx-in{from{opacity:0}to{opacity:1}}}`;
