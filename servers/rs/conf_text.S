/*
 * conf_text.S - RS's configuration text, carried in RS's read-only data
 * (servers/rs/boot.conf, or a test's; module.mk names it as RS_CONF).
 * There is no file system when RS starts the boot services.
 */
	.section .rodata
	.globl rs_conf_text, rs_conf_text_end
rs_conf_text:
	.incbin RS_CONF
rs_conf_text_end:
	.section .note.GNU-stack, "", @progbits
