/* commands/true/true.c - true: exit 0, whatever the operands. */
int main(void)
{
	return 0;
}
