/* commands/false/false.c - false: exit 1, whatever the operands. */
int main(void)
{
	return 1;
}
