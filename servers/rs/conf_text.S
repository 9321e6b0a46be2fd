/*
 * conf_text.S - RS's configuration text, carried in RS's read-only data
 * (servers/rs/boot.conf; module.mk names it as RS_CONF, and a test
 * build appends its own stanzas as RS_CONF_EXTRA).
 * There is no file system when RS starts the boot services.
 */
	.section .rodata
	.globl rs_conf_text, rs_conf_text_end
rs_conf_text:
	.incbin RS_CONF
#ifdef RS_CONF_EXTRA
	.incbin RS_CONF_EXTRA		/* a test's stanzas after the boot ones */
#endif
rs_conf_text_end:
	.section .note.GNU-stack, "", @progbits
