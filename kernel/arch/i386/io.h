/* io.h - i386 port I/O, inline. */
#ifndef KERNEL_ARCH_IO_H
#define KERNEL_ARCH_IO_H

#include <mica/type.h>

static inline void outb(u16_t port, u8_t v)
{ __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outw(u16_t port, u16_t v)
{ __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(u16_t port, u32_t v)
{ __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline u8_t inb(u16_t port)
{ u8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u16_t inw(u16_t port)
{ u16_t v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u32_t inl(u16_t port)
{ u32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }

#endif /* KERNEL_ARCH_IO_H */
